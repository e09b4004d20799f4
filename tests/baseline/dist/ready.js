// The same "first painted frame" mark the app sets, so `make bench` measures both alike.
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("app-interactive")));
