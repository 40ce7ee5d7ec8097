"""Knowledge checks: the quiz blocks written in pages, and the cues that give answers away."""
