"""Time prob_best (SPEC §2.5) for offer types of many offers, and check it against a slower
independent quadrature.

    python -m benchmarks.prob_best

The 5-million synthetic extract with 800 providers has five offer types of 800 offers each and
about 31 cohort participations per offer in a quarter (expected effects about 3–30). Its
uniform draws leave almost no spread between offers beyond chance (v is 0 or tiny), so the
posteriors here are drawn with a spread, as a real tender's are: θ_i ~ Gamma(m²/v, m/v),
effects ~ Poisson(θ_i E_i), for v from 0.001 (nearly equal offers) to 0.2. Each type is timed
as the model computes it, one call of `prob_best` per type.
"""

import argparse
import itertools
import time

import numpy as np
from scipy import integrate, special, stats

from evaluator.rank_certainty import prob_best


def posteriors(offers: int, v: float, seed: int) -> tuple[list, list, list]:
    rng = np.random.default_rng(seed)
    expected = rng.uniform(3, 30, offers)
    theta = rng.gamma(1 / v, v, offers)
    effects = rng.poisson(theta * expected)
    m = effects.sum() / expected.sum()
    costs = rng.uniform(5_000, 40_000, offers)
    return list(m * m / v + effects), list(m / v + expected), list(costs)


def independent(shapes: list, rates: list, costs: list, i: int) -> float:
    """Offer i's integral alone, by scipy's quad over its own density (80 pieces)."""
    a = np.asarray(shapes)
    r = np.asarray(rates) * np.asarray(costs)

    def integrand(y: float) -> float:
        others = special.gammainc(a, r * y)
        others[i] = 1.0
        return stats.gamma.pdf(y, a[i], scale=1 / r[i]) * np.prod(others)

    low = special.gammaincinv(a[i], 1e-14) / r[i]
    high = special.gammainccinv(a[i], 1e-14) / r[i]
    edges = np.linspace(low, high, 81)
    return sum(
        integrate.quad(integrand, x0, x1, epsabs=1e-12)[0] for x0, x1 in itertools.pairwise(edges)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", type=int, default=5)
    parser.add_argument("--offers", type=int, default=800)
    parser.add_argument("--checked", type=int, default=10, help="offers checked per type")
    args = parser.parse_args()
    print("offers  v      seconds  sum-1     max|error| of checked offers")
    total = 0.0
    for v in (0.001, 0.01, 0.05, 0.2):
        for offers in (100, 400, args.offers):
            shapes, rates, costs = posteriors(offers, v, seed=offers)
            start = time.perf_counter()
            values = prob_best(shapes, rates, costs)
            seconds = time.perf_counter() - start
            best = np.argsort(values)[::-1][: args.checked]
            error = max(abs(values[i] - independent(shapes, rates, costs, i)) for i in best)
            print(f"{offers:6d}  {v:<5}  {seconds:7.3f}  {sum(values) - 1:+.1e}  {error:.1e}")
    for kind in range(args.types):
        shapes, rates, costs = posteriors(
            args.offers, (0.001, 0.01, 0.05, 0.1, 0.2)[kind % 5], kind
        )
        start = time.perf_counter()
        prob_best(shapes, rates, costs)
        total += time.perf_counter() - start
    print(f"{args.types} types of {args.offers} offers: {total:.3f} s in all")


if __name__ == "__main__":
    main()
