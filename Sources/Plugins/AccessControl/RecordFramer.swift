/// Cuts a byte stream into records by line ends or STX/ETX frames, holding at most `maximumBytes` of an
/// unfinished record.
///
/// A record may arrive over many reads. A record longer than the limit is dropped up to its end and
/// reported once; noise outside STX/ETX frames and a frame cut short by a new STX are reported as garbage,
/// and the framer resynchronises on the next STX. Fixed-width records need the pattern to resynchronise,
/// so ``StampDecoder`` cuts those itself.
struct RecordFramer: Sendable {
    /// What the framer found.
    enum Output: Equatable {
        /// A complete record without its delimiters.
        case record([UInt8])
        /// A record over the limit was dropped; `sample` is its start.
        case overlong(sample: [UInt8])
        /// Bytes outside any record were dropped.
        case garbage(sample: [UInt8])
    }

    enum Mode: Equatable {
        case line(StampFormat.LineEnd)
        case stxEtx
    }

    static let stx: UInt8 = 0x02
    static let etx: UInt8 = 0x03
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    let mode: Mode
    let maximumBytes: Int
    private var pending: [UInt8] = []
    private var cutting = false
    private var inFrame = false
    private var lastWasCR = false
    private var noise: [UInt8] = []

    init(mode: Mode, maximumBytes: Int) {
        self.mode = mode
        self.maximumBytes = max(maximumBytes, 1)
    }

    /// Bytes of the unfinished record held now.
    var bufferedBytes: Int { pending.count + noise.count }

    /// Feeds bytes and returns what they complete.
    mutating func append(_ bytes: some Sequence<UInt8>, into outputs: inout [Output]) {
        switch mode {
        case let .line(end): for byte in bytes { line(byte, end: end, into: &outputs) }
        case .stxEtx: for byte in bytes { frame(byte, into: &outputs) }
        }
    }

    private mutating func line(_ byte: UInt8, end: StampFormat.LineEnd, into outputs: inout [Output]) {
        let isEnd: Bool
        switch end {
        case .any:
            if byte == Self.lf, lastWasCR {
                lastWasCR = false
                return
            }
            isEnd = byte == Self.cr || byte == Self.lf
        case .cr: isEnd = byte == Self.cr
        case .lf: isEnd = byte == Self.lf
        case .crlf:
            if byte == Self.lf, lastWasCR {
                lastWasCR = false
                if !cutting, !pending.isEmpty { pending.removeLast() }
                finishRecord(into: &outputs)
                return
            }
            isEnd = false
        }
        lastWasCR = byte == Self.cr
        if isEnd {
            finishRecord(into: &outputs)
        } else {
            keep(byte, into: &outputs)
        }
    }

    private mutating func frame(_ byte: UInt8, into outputs: inout [Output]) {
        switch byte {
        case Self.stx:
            flushNoise(into: &outputs)
            if inFrame, !pending.isEmpty || cutting {
                // A frame cut short by the next STX: its bytes are noise, the new frame starts clean.
                if !cutting { outputs.append(.garbage(sample: Array(pending.prefix(80)))) }
                pending.removeAll(keepingCapacity: true)
                cutting = false
            }
            inFrame = true
        case Self.etx where inFrame:
            finishRecord(into: &outputs)
            inFrame = false
        default:
            if inFrame {
                keep(byte, into: &outputs)
            } else if byte != Self.cr, byte != Self.lf, byte != UInt8(ascii: " ") {
                // Line ends and spaces between frames are common and harmless; anything else is noise.
                noise.append(byte)
                if noise.count >= 80 { flushNoise(into: &outputs) }
            }
        }
    }

    private mutating func flushNoise(into outputs: inout [Output]) {
        guard !noise.isEmpty else { return }
        outputs.append(.garbage(sample: noise))
        noise.removeAll(keepingCapacity: true)
    }

    private mutating func keep(_ byte: UInt8, into outputs: inout [Output]) {
        if pending.count < maximumBytes {
            pending.append(byte)
        } else if !cutting {
            cutting = true
            outputs.append(.overlong(sample: Array(pending.prefix(80))))
        }
    }

    private mutating func finishRecord(into outputs: inout [Output]) {
        if !cutting { outputs.append(.record(pending)) }
        pending.removeAll(keepingCapacity: pending.count <= 4096)
        cutting = false
    }

    /// Ends the input (the port closed): noise held back and an unfinished record are reported as garbage.
    /// A half-written record is never decoded: "IN;00012" cut from "IN;0001234" could name another badge.
    mutating func finish(into outputs: inout [Output]) {
        flushNoise(into: &outputs)
        if !pending.isEmpty, !cutting { outputs.append(.garbage(sample: Array(pending.prefix(80)))) }
        pending.removeAll()
        cutting = false
        inFrame = false
        lastWasCR = false
    }
}
