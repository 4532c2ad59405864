import { engineProperties } from './engineProperty';

engineProperties('nginx');
