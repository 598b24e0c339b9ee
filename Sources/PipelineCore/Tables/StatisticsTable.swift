/// A statistics file read into rows (see ``read(_:file:columns:)``).
public enum StatisticsTable {}
