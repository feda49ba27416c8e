import AccessControlPlugin
import Foundation

/// Access control 1: stamps decoded per second by `StampDecoder` for every preset, from its sample stream
/// repeated, fed in 4 KiB reads (as the port reader delivers them); baseline: splitting the same bytes at
/// LF, which is all a decoder could do without checking anything.
struct AccessControlDecodeBench {
    let targetBytes: Int
    let rounds: Int

    init(quick: Bool) {
        targetBytes = quick ? 1 << 20 : 8 << 20
        rounds = quick ? 3 : 5
    }

    func run() throws -> Table {
        var table = Table(
            "Access control: stamps decoded per second (StampDecoder, one core, 4 KiB reads)",
            columns: ["preset", "stream", "stamps/round", "median stamps/s", "MiB/s", "ns/stamp", "problems"])
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("samples/access-control")
        var baselineRates: [Double] = []
        for preset in StampPreset.list {
            let file = try FileManager.default.contentsOfDirectory(atPath: root.path).first { $0.hasPrefix(preset.name + ".") } ?? ""
            let sample = Array(try Data(contentsOf: root.appendingPathComponent(file)))
            let repeats = max(targetBytes / max(sample.count, 1), 1)
            var stream: [UInt8] = []
            stream.reserveCapacity(sample.count * repeats)
            for _ in 0..<repeats { stream += sample }
            var settings = AccessControlPlugin.Settings(port: "/dev/null", preset: preset.name)
            settings.timeZone = "UTC"
            let format = try settings.resolve().format
            var rates: [Double] = []
            var stamps = 0
            var problems = 0
            for _ in 0..<rounds {
                var decoder = StampDecoder(format: format)
                stamps = 0
                problems = 0
                let now = Date()
                let start = Monotonic.now()
                var offset = 0
                while offset < stream.count {
                    let end = min(offset + 4096, stream.count)
                    for event in decoder.append(stream[offset..<end], at: now) {
                        if case .stamp = event { stamps += 1 } else { problems += 1 }
                    }
                    offset = end
                }
                let seconds = Double(Monotonic.since(start)) / 1e9
                rates.append(Double(stamps) / seconds)
            }
            let rate = median(rates)
            let bytesPerStamp = Double(stream.count) / Double(max(stamps, 1))
            table.add([
                preset.name, Format.count(stream.count) + " B", Format.count(stamps), Format.rate(rate),
                String(format: "%.1f", rate * bytesPerStamp / 1_048_576), Format.duration(1e9 / rate), String(problems),
            ])
            if preset.name == "semicolon" { baselineRates = baseline(stream) }
        }
        let baselineRate = median(baselineRates)
        table.add(["baseline: split at LF (semicolon stream)", "", "", Format.rate(baselineRate), "", Format.duration(1e9 / baselineRate), ""])
        table.note("each stamp: framing, control-byte and encoding checks, checksum where the preset has one, the preset's "
            + "regular expression (NSRegularExpression) with named groups, and time parsing where the record has a time")
        table.note("'problems' must be 0: the sample streams are well-formed")
        return table
    }

    private func baseline(_ stream: [UInt8]) -> [Double] {
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = Monotonic.now()
            var lines = 0
            var offset = 0
            while offset < stream.count {
                let end = min(offset + 4096, stream.count)
                for byte in stream[offset..<end] where byte == 0x0A { lines += 1 }
                offset = end
            }
            rates.append(Double(lines) / (Double(Monotonic.since(start)) / 1e9))
        }
        return rates
    }
}
