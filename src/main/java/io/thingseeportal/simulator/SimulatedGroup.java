package io.thingseeportal.simulator;

/** A deployment group of a simulated stack; {@code unassigned} is never one of them. */
record SimulatedGroup(String id, String description) {}
