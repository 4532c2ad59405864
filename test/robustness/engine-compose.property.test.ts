import { engineProperties } from './engineProperty';

engineProperties('compose');
