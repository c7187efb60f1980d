import { fleetSuite } from './fleet-suite.ts';

// Two replicas of the real app on one embedded data folder (the suite is in fleet-suite.ts).
fleetSuite('sqlite');
