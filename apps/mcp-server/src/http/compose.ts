import type { Middleware } from 'koa';

/**
 * Runs named middleware in order as one middleware, the way an endpoint reads best: a list of
 * small steps, top to bottom (node-oidc-provider's `lib/actions/*` style).
 */
export function compose(steps: readonly Middleware[]): Middleware {
  return function composed(ctx, next) {
    const dispatch = async (index: number): Promise<void> => {
      const step = steps[index];
      if (step === undefined) return next();
      await step(ctx, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
}
