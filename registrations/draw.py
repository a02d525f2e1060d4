"""Places allocated by lot: the order of a draw, from its seed.

A draw shuffles the applicants, taken in the order they applied, with Python's Mersenne Twister
seeded by a random 64-bit number. The seed and the resulting order are recorded in the page's
history, so anyone can replay it: `draw_order(applicants, seed)` gives the same order again.
"""

import random
import secrets


def new_seed():
    return secrets.randbits(63)  # Fits PostgreSQL's bigint.


def draw_order(applicants, seed):
    """`applicants` (in the order they applied) in the order drawn."""
    drawn = list(applicants)
    random.Random(seed).shuffle(drawn)
    return drawn
