"""crawlkit: released by release-please, published by tagship."""
