import Synchronization

/// The hub's Prometheus counters and gauges, rendered at `/metrics`.
final class HubMetrics: Sendable {
    /// A counter with one label.
    final class LabelledCounter: Sendable {
        let name: String
        let help: String
        let label: String
        private let values = Mutex<[String: Int]>([:])

        init(name: String, help: String, label: String) {
            self.name = name
            self.help = help
            self.label = label
        }

        func increment(_ value: String) { values.withLock { $0[value, default: 0] += 1 } }

        var snapshot: [String: Int] { values.withLock { $0 } }
    }

    /// HTTP requests by `method status`.
    let requests = Mutex<[RequestKey: Int]>([:])
    /// Applied presence changes by source.
    let presenceChanges = LabelledCounter(
        name: "hub_presence_changes_total", help: "Presence changes applied, by source", label: "source")
    /// Gauges read when rendering (stream subscribers, plugin states).
    let gauges = Mutex<[String: @Sendable () -> [(labels: String, value: Double)]]>([:])
    private let gaugeHelp = Mutex<[String: String]>([:])

    struct RequestKey: Hashable, Sendable {
        var method: String
        var status: Int
    }

    /// Counts one HTTP request.
    func countRequest(method: String, status: Int) {
        requests.withLock { $0[RequestKey(method: method, status: status), default: 0] += 1 }
    }

    /// Registers a gauge read at render time.
    func gauge(_ name: String, help: String, read: @escaping @Sendable () -> [(labels: String, value: Double)]) {
        gauges.withLock { $0[name] = read }
        gaugeHelp.withLock { $0[name] = help }
    }

    /// The Prometheus text exposition of every metric.
    func render() -> String {
        var lines: [String] = []
        lines.append("# HELP hub_http_requests_total HTTP requests served, by method and status")
        lines.append("# TYPE hub_http_requests_total counter")
        for (key, count) in requests.withLock({ $0 }).sorted(by: { ($0.key.method, $0.key.status) < ($1.key.method, $1.key.status) }) {
            lines.append("hub_http_requests_total{method=\"\(key.method)\",status=\"\(key.status)\"} \(count)")
        }
        lines.append("# HELP \(presenceChanges.name) \(presenceChanges.help)")
        lines.append("# TYPE \(presenceChanges.name) counter")
        for (value, count) in presenceChanges.snapshot.sorted(by: { $0.key < $1.key }) {
            lines.append("\(presenceChanges.name){\(presenceChanges.label)=\"\(value)\"} \(count)")
        }
        let help = gaugeHelp.withLock { $0 }
        for (name, read) in gauges.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            lines.append("# HELP \(name) \(help[name] ?? name)")
            lines.append("# TYPE \(name) gauge")
            for sample in read() {
                let labels = sample.labels.isEmpty ? "" : "{\(sample.labels)}"
                lines.append("\(name)\(labels) \(Self.number(sample.value))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
