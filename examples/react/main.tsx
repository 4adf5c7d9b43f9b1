// Mounts the React example on examples/react/index.html (`npm start`, then /examples/react/).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParkExplorer } from './ParkExplorer.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParkExplorer
      src="../../data/parks.geojson"
      onSelect={(detail) => console.info('park-map-select', detail.id)}
    />
  </StrictMode>,
);
