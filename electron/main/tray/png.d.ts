// Vite inlines an imported PNG into the main bundle as a data URL (library mode inlines every
// asset), so the tray icon ships inside main.js and needs no file next to it in app.asar.
declare module '*.png' {
  const dataUrl: string;
  export default dataUrl;
}
