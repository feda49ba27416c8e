/// Benchmark 4: resident memory (VmRSS from /proc/PID/status) of the hub process: an empty hub as the
/// baseline, the hub with 10,000 users idle after startup, with 1,000 stream subscribers, and after the stream run.
struct MemoryBench {
    struct Reading {
        var label: String
        var residentKiB: Int
        var peakKiB: Int
    }

    private(set) var readings: [Reading] = []
    /// How long to let a freshly started hub settle before reading its memory.
    let settle: Duration

    init(quick: Bool) { settle = quick ? .seconds(1) : .seconds(3) }

    /// Reads the hub's memory now.
    mutating func record(_ label: String, _ hub: HubProcess) throws {
        guard let memory = hub.residentMemory() else { throw BenchError("cannot read /proc/\(hub.pid)/status") }
        readings.append(Reading(label: label, residentKiB: memory.current, peakKiB: memory.peak))
    }

    mutating func add(_ reading: Reading) { readings.append(reading) }

    /// Waits for the hub to settle, then reads its memory.
    mutating func recordSettled(_ label: String, _ hub: HubProcess) async throws {
        try await Task.sleep(for: settle)
        try record(label, hub)
    }

    func table(users: Int, seedTime: UInt64?, startupTime: UInt64) -> Table {
        var table = Table("4. Hub resident memory (VmRSS of the hub process)", columns: ["state", "VmRSS", "VmHWM (peak)", "vs empty hub"])
        let empty = readings.first { $0.label.hasPrefix("baseline") }?.residentKiB
        for reading in readings {
            let delta = empty.map { reading.residentKiB - $0 }
            table.add([
                reading.label, Format.memory(kibibytes: reading.residentKiB), Format.memory(kibibytes: reading.peakKiB),
                delta.map { ($0 >= 0 ? "+" : "") + Format.memory(kibibytes: $0) } ?? "",
            ])
        }
        table.note("readings after a \(settle) settle; \(Format.count(users)) generated users loaded through `hub seed`"
            + (seedTime.map { " (seed took \(Format.duration($0)))" } ?? "")
            + ", hub ready \(Format.duration(startupTime)) after spawn")
        return table
    }
}
