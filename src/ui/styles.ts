// The element's shadow-root styles, composed from the modules beside what they style. The order is
// the cascade order (later rules win at equal specificity): keep it when adding or moving rules.
import { nameLabelStyles } from '../map/name-labels.styles.js';
import {
  controlStyles,
  hostStyles,
  maplibreControlStyles,
  panelStyles,
  swatchStyles,
  utilityStyles,
} from './base.styles.js';
import { detailsBodyStyles, detailsHeaderStyles } from './details-panel.styles.js';
import { explorePanelStyles } from './explore-panel.styles.js';
import { issuesBannerStyles } from './issues-banner.styles.js';
import { legendStyles } from './legend.styles.js';
import { mapStageStyles } from './map-stage.styles.js';
import { measurePanelStyles } from './measure-panel.styles.js';

export const parkMapStyles = [
  maplibreControlStyles,
  swatchStyles,
  hostStyles,
  explorePanelStyles,
  mapStageStyles,
  panelStyles,
  detailsHeaderStyles,
  controlStyles,
  detailsBodyStyles,
  legendStyles,
  issuesBannerStyles,
  measurePanelStyles,
  nameLabelStyles,
  utilityStyles,
];
