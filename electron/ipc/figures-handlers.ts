import type { figuresCalls } from '../../shared/contract/figures-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `figuresCalls` to the service method that carries it out. */
export function figuresHandlers(services: StationServices): AreaHandlers<keyof typeof figuresCalls> {
  const { figures } = services;
  return {
    'figures:get': (input, caller) => figures.get(input, actor(caller)),
    'figures:export': (input, caller) => figures.export(input, actor(caller)),
    'figures:targets': () => figures.targetSettings(),
    'figures:setTargets': (input, caller) => figures.setTargets(input, actor(caller)),
  };
}
