import { engineProperties } from './engineProperty';

engineProperties('toml');
