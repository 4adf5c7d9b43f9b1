// JSX typing for <park-map> in React 19, derived from the element class: its properties become
// props (React 19 sets them as properties), its events `onpark-map-…` props (React 19 listens).
// In an application, import the types from 'park-map' instead of the relative path.
import type { HTMLAttributes, Ref } from 'react';
import type {
  ParkMap,
  ParkMapErrorEvent,
  ParkMapLoadEvent,
  ParkMapMeasureEvent,
  ParkMapSelectEvent,
} from '../../src/index.js';

/** The element's public, writable properties, as optional props. */
type ParkMapProperties = Partial<
  Pick<
    ParkMap,
    | 'src'
    | 'data'
    | 'lang'
    | 'basemap'
    | 'basemapKey'
    | 'cooperativeGestures'
    | 'coords'
    | 'selected'
    | 'tool'
    | 'view'
    | 'storeyHeight'
    | 'hash'
    | 'noList'
    | 'filter'
  >
>;

/** The element's events, as React 19 names custom-element listeners: `on` + the event's name. */
interface ParkMapEventProps {
  'onpark-map-load'?: (event: ParkMapLoadEvent) => void;
  'onpark-map-select'?: (event: ParkMapSelectEvent) => void;
  'onpark-map-measure'?: (event: ParkMapMeasureEvent) => void;
  'onpark-map-error'?: (event: ParkMapErrorEvent) => void;
}

export type ParkMapProps = ParkMapProperties &
  ParkMapEventProps &
  Omit<HTMLAttributes<ParkMap>, keyof ParkMapProperties | keyof ParkMapEventProps> & {
    ref?: Ref<ParkMap>;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'park-map': ParkMapProps;
    }
  }
}
