"""Stage 3: derive every figure a reader sees from definitions and raw figures."""
