import Metrics
import Prometheus

/// Installs swift-metrics with a Prometheus registry once per process; `/metrics` renders
/// the same registry. Tests that need metrics use their own factory, never this one.
public enum MetricsBootstrap {
    /// The registry behind `/metrics`.
    public static let registry = PrometheusCollectorRegistry()

    /// Bootstraps swift-metrics with the Prometheus backend. Call once, at start.
    public static func bootstrap() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(2),
        ]
        MetricsSystem.bootstrap(factory)
    }

    /// The Prometheus text exposition of every metric recorded so far.
    public static func render() -> String {
        registry.emitToString()
    }
}
