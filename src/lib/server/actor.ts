// TEMPORARY shim until the service split (arch-storage) is merged: use $lib/contract/actor.
export { actorOf } from '../contract/actor';
