// Registers <park-map> once: the script included twice, or beside another copy, must not throw.
import { ParkMap } from './park-map.js';

if (!customElements.get('park-map')) customElements.define('park-map', ParkMap);
