//! A private Secret Service: a D-Bus session daemon of our own with an unlocked gnome-keyring on it,
//! so the app under test writes real secrets that nothing else can see.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process::KillOnDrop;

/// A running private bus with an unlocked login keyring. Everything stops when it is dropped.
pub struct PrivateKeyring {
    bus_address: String,
    runtime_dir: String,
    // Dropped in order: the keyring daemon first, then its bus.
    _keyring: KillOnDrop,
    _bus: KillOnDrop,
}

impl PrivateKeyring {
    /// Starts `dbus-daemon --session` and `gnome-keyring-daemon --unlock` under `home`.
    pub fn start(home: &Path) -> std::io::Result<Self> {
        let runtime_dir = home.join("run");
        std::fs::create_dir_all(&runtime_dir)?;
        set_private(&runtime_dir)?;
        let data_dir = home.join("data");
        std::fs::create_dir_all(&data_dir)?;

        let mut bus = KillOnDrop::spawn(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        )?;
        let mut address = String::new();
        if let Some(stdout) = bus.child().stdout.take() {
            BufReader::new(stdout).read_line(&mut address)?;
        }
        let bus_address = address.trim().to_string();
        if bus_address.is_empty() {
            return Err(std::io::Error::other("dbus-daemon printed no address"));
        }

        let mut keyring = KillOnDrop::spawn(
            Command::new("gnome-keyring-daemon")
                .args(["--foreground", "--unlock", "--components=secrets"])
                .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
                .env("XDG_RUNTIME_DIR", &runtime_dir)
                .env("XDG_DATA_HOME", &data_dir)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        if let Some(mut stdin) = keyring.child().stdin.take() {
            // The login keyring's password; closing stdin tells the daemon it has all of it.
            stdin.write_all(b"e2e-password")?;
        }
        wait_for_secret_service(&bus_address, Duration::from_secs(20))?;
        Ok(Self { bus_address, runtime_dir: runtime_dir.display().to_string(), _keyring: keyring, _bus: bus })
    }

    /// `DBUS_SESSION_BUS_ADDRESS` for processes that should see this keyring.
    pub fn bus_address(&self) -> &str {
        &self.bus_address
    }

    /// `XDG_RUNTIME_DIR` the keyring daemon uses for its control socket.
    pub fn runtime_dir(&self) -> String {
        self.runtime_dir.clone()
    }

    /// Runs `secret-tool` against this keyring (e.g. to check that a secret landed).
    pub fn secret_tool(&self, args: &[&str]) -> std::process::Output {
        Command::new("secret-tool")
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
            .output()
            .expect("run secret-tool")
    }
}

fn set_private(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

/// Waits until gnome-keyring owns `org.freedesktop.secrets` on the bus, so the app never triggers
/// D-Bus activation of a second (locked) keyring.
fn wait_for_secret_service(bus_address: &str, patience: Duration) -> std::io::Result<()> {
    let deadline = Instant::now() + patience;
    loop {
        let out = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", bus_address)
            .output()?;
        if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(std::io::Error::other("gnome-keyring did not register on the private bus"));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}
