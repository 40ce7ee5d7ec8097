"""The training's modules and a reader's progress through them: module list, meta line, completion."""
