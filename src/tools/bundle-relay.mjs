// Placeholder: the relay helper replaces this with the esbuild bundle step (issue 5).
