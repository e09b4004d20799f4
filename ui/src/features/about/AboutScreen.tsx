import { useQuery } from "@tanstack/react-query";
import { commands, type AppInfo, type KeychainStatus } from "../../bindings";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Screen } from "../../components/Screen";
import { unwrap } from "../../lib/unwrap";

/** "Secret Service (unlocked)": the form the end-to-end tests and support expect. */
function keychainLine(keychain: KeychainStatus): string {
  return `${keychain.backend} (${keychain.state})`;
}

export function AboutScreen() {
  const appInfo = useQuery({
    queryKey: ["app_info"],
    queryFn: () => unwrap(commands.appInfo()),
    // Fixed for the life of the process.
    staleTime: Infinity,
  });

  return (
    <Screen id="about" title="About">
      {appInfo.isPending && (
        <p role="status" className="muted">
          Loading app details…
        </p>
      )}
      {appInfo.isError && (
        <ErrorNotice
          title="Couldn’t load the app details."
          error={appInfo.error}
          onRetry={() => void appInfo.refetch()}
        />
      )}
      {appInfo.isSuccess && <AppDetails info={appInfo.data} />}
    </Screen>
  );
}

function AppDetails({ info }: { info: AppInfo }) {
  return (
    <section className="panel" aria-labelledby="about-app-name">
      <h2 id="about-app-name" className="about-name">
        {info.name}
      </h2>
      <dl className="details">
        <div>
          <dt>Version</dt>
          <dd data-testid="about-version">{info.version}</dd>
        </div>
        <div>
          <dt>Data directory</dt>
          <dd className="path" data-testid="about-data-dir">
            {info.dataDir}
          </dd>
        </div>
        <div>
          <dt>Log directory</dt>
          <dd className="path" data-testid="about-log-dir">
            {info.logDir}
          </dd>
        </div>
        <div>
          <dt>Keychain</dt>
          <dd>
            <span data-testid="about-keychain">{keychainLine(info.keychain)}</span>
            {info.keychain.detail !== null && (
              <span className="details-note" data-testid="about-keychain-detail">
                {info.keychain.detail}
              </span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
