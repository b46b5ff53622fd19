// Builds every shipped artifact into dist/ (filled in by the host-bundle work).
console.log('build: nothing to build yet');
