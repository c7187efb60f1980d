import { fleetSuite } from './fleet-suite.ts';

// Three replicas of the real app on one PostgreSQL database (the suite is in fleet-suite.ts).
fleetSuite('postgres');
