import colourIcon from './icons/tray-icon.png';
import templateIcon from './icons/tray-iconTemplate.png';

/**
 * The tray icon for this platform, 32×32 px drawn for a 16-point slot: macOS gets a black
 * template image (the menu bar tints it for light and dark), the others the app's colours.
 */
export function trayIcon(platform: string): { dataUrl: string; template: boolean; scaleFactor: number } {
  if (platform === 'darwin') return { dataUrl: templateIcon, template: true, scaleFactor: 2 };
  // Windows and Linux trays are 16–24 px; Electron scales the 32 px image down on its own.
  return { dataUrl: colourIcon, template: false, scaleFactor: 1 };
}
