// The benchmark's baseline: a bare module worker that loads Pyodide from the same build and runs
// the program with Pyodide's own means, reporting each line of output.
self.onmessage = async (event) => {
  const { indexURL, code } = event.data;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL, stdout: (line) => self.postMessage({ type: 'out', line }) });
  await pyodide.runPythonAsync(code);
  self.postMessage({ type: 'done' });
};
