// batch: filled in by its own issue; nothing exported yet.
export {};
