import { engineProperties } from './engineProperty';

engineProperties('env');
