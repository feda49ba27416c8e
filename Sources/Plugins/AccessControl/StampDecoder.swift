import Foundation

/// Turns the bytes of an access-control line into stamps: framing, checksum, encoding, pattern, times.
///
/// Pure and incremental: feed whatever a read returned, get the stamps and problems it completes. Every
/// problem is reported with a sample and the decoder carries on with the next record, so line noise,
/// a wrong baud rate or a half-written record never stop it; it holds at most `maxRecordBytes` per
/// unfinished record.
///
/// ```swift
/// var decoder = StampDecoder(format: format)
/// for event in decoder.append(bytes, at: clock.now()) { … }
/// ```
public struct StampDecoder: Sendable {
    /// The format records are read with.
    public let format: StampFormat
    private var framer: RecordFramer?
    private var fixedBuffer: [UInt8] = []
    private var fixedSkipping = false
    private var grouper: LineGrouper?
    private let fields: FieldReader

    /// Creates a decoder for `format`.
    public init(format: StampFormat) {
        self.format = format
        fields = FieldReader(format: format)
        switch format.framing {
        case let .line(end): framer = RecordFramer(mode: .line(end), maximumBytes: format.maxRecordBytes)
        case .stxEtx: framer = RecordFramer(mode: .stxEtx, maximumBytes: format.maxRecordBytes)
        case .fixed: framer = nil
        }
        if case .line = format.framing, format.linesPerRecord > 1 {
            grouper = LineGrouper(linesPerRecord: format.linesPerRecord, recordStart: format.recordStart, encoding: format.encoding)
        }
    }

    /// Bytes held for an unfinished record.
    public var bufferedBytes: Int { (framer?.bufferedBytes ?? fixedBuffer.count) + (grouper?.bufferedBytes ?? 0) }

    /// Feeds bytes read at `now` and returns the stamps and problems they complete, in order.
    public mutating func append(_ bytes: some Collection<UInt8>, at now: Date) -> [DecodeEvent] {
        var events: [DecodeEvent] = []
        if var framer {
            var outputs: [RecordFramer.Output] = []
            framer.append(bytes, into: &outputs)
            self.framer = framer
            for output in outputs { events.append(contentsOf: handle(output, at: now)) }
        } else if case let .fixed(length) = format.framing {
            appendFixed(bytes, length: length, at: now, into: &events)
        }
        return events
    }

    /// Ends the input (the port closed): an unfinished record is dropped and reported as garbage.
    public mutating func finish(at now: Date) -> [DecodeEvent] {
        var events: [DecodeEvent] = []
        if var framer {
            var outputs: [RecordFramer.Output] = []
            framer.finish(into: &outputs)
            self.framer = framer
            if let held = grouper?.finish() {
                // The cut line belongs to the unfinished multi-line record: one piece of garbage, not two.
                let partial = outputs.compactMap { output -> [UInt8]? in
                    if case let .garbage(sample) = output { sample } else { nil }
                }
                let lines = [held] + partial
                events.append(.problem(.garbage, sample: Self.printable(Array(lines.joined(separator: [0x0A])))))
                outputs.removeAll { if case .garbage = $0 { true } else { false } }
            }
            for output in outputs { events.append(contentsOf: handle(output, at: now)) }
        } else if !fixedBuffer.isEmpty {
            events.append(.problem(.garbage, sample: Self.printable(fixedBuffer)))
        }
        fixedBuffer.removeAll()
        fixedSkipping = false
        return events
    }

    private mutating func handle(_ output: RecordFramer.Output, at now: Date) -> [DecodeEvent] {
        switch output {
        case let .record(bytes):
            guard var grouper else {
                guard let event = fields.read(bytes, at: now) else { return [] }
                return [event]
            }
            var events: [DecodeEvent] = []
            for grouped in grouper.add(bytes) {
                switch grouped {
                case let .garbage(lines):
                    events.append(.problem(.garbage, sample: Self.printable(lines)))
                case let .record(record):
                    let event = fields.read(record, at: now)
                    if grouper.recordStart == nil, case .problem(.noMatch, _)? = event {
                        events.append(.problem(.garbage, sample: Self.printable(grouper.resynchronise())))
                    } else if let event {
                        events.append(event)
                    }
                }
            }
            self.grouper = grouper
            return events
        case let .overlong(sample):
            // A line of a multi-line record was cut: the rest of that record cannot be trusted.
            grouper?.reset()
            return [.problem(.overlongRecord, sample: Self.printable(sample))]
        case let .garbage(sample): return [.problem(.garbage, sample: Self.printable(sample))]
        }
    }

    /// Fixed-width records have no delimiter to resynchronise on: a window that does not read as a
    /// record slides on by one byte (counted once per run of bad bytes) until one does.
    private mutating func appendFixed(_ bytes: some Collection<UInt8>, length: Int, at now: Date, into events: inout [DecodeEvent]) {
        for byte in bytes {
            if fixedBuffer.isEmpty, byte == 0x0D || byte == 0x0A { continue }
            fixedBuffer.append(byte)
            guard fixedBuffer.count == length else { continue }
            let event = fields.read(fixedBuffer, at: now)
            if case let .problem(kind, _)? = event, kind != .badTime {
                if !fixedSkipping { events.append(.problem(.garbage, sample: Self.printable(fixedBuffer))) }
                fixedSkipping = true
                fixedBuffer.removeFirst()
                continue
            }
            fixedSkipping = false
            fixedBuffer.removeAll(keepingCapacity: true)
            if let event { events.append(event) }
        }
    }

    /// At most 80 characters of `bytes`, with control and non-ASCII bytes as `\xNN`.
    static func printable(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in bytes.prefix(80) {
            if (0x20..<0x7F).contains(byte) { text.append(Character(UnicodeScalar(byte))) } else { text += "\\x" + hex(byte) }
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
