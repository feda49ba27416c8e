import Foundation

/// Joins framed lines into records of `linesPerRecord` lines, for printers that print one event over
/// several lines (Bosch D9131A: the date and time, then the event).
///
/// Blank lines (page feeds, margins) are skipped. With a start pattern, a line matching it opens a
/// record; a record cut short by the next start line, and lines outside any record (page headers), are
/// garbage. Without one, every `linesPerRecord` lines are a candidate record, and the decoder calls
/// ``resynchronise()`` when the pattern rejects it, so a lost line costs one record, not every later one.
struct LineGrouper: Sendable {
    /// What a line completes.
    enum Output: Equatable {
        /// The record's lines joined with LF.
        case record([UInt8])
        /// Lines that belong to no complete record.
        case garbage([UInt8])
    }

    private static let lf = UInt8(ascii: "\n")

    let linesPerRecord: Int
    let recordStart: NSRegularExpression?
    let encoding: StampFormat.TextEncoding
    private var lines: [[UInt8]] = []
    /// The lines of the last candidate record, kept until the decoder has read it (sliding mode only).
    private var candidate: [[UInt8]] = []

    init(linesPerRecord: Int, recordStart: NSRegularExpression?, encoding: StampFormat.TextEncoding) {
        self.linesPerRecord = max(linesPerRecord, 1)
        self.recordStart = recordStart
        self.encoding = encoding
    }

    /// Bytes held for an unfinished record.
    var bufferedBytes: Int { lines.reduce(0) { $0 + $1.count } }

    /// Adds one framed line and returns what it completes.
    mutating func add(_ line: [UInt8]) -> [Output] {
        candidate.removeAll()
        guard !Self.isBlank(line) else { return [] }
        var outputs: [Output] = []
        if let recordStart {
            if starts(line, recordStart) {
                if !lines.isEmpty { outputs.append(.garbage(Self.joined(lines))) }
                lines = [line]
            } else if lines.isEmpty {
                return [.garbage(line)]
            } else {
                lines.append(line)
            }
        } else {
            lines.append(line)
        }
        if lines.count == linesPerRecord {
            outputs.append(.record(Self.joined(lines)))
            if recordStart == nil { candidate = lines }
            lines.removeAll(keepingCapacity: true)
        }
        return outputs
    }

    /// The pattern rejected the last record: its first line is returned as garbage and the others are
    /// kept as the start of the next record, so the grouping slides into step with the device again.
    mutating func resynchronise() -> [UInt8] {
        guard let first = candidate.first else { return [] }
        lines = Array(candidate.dropFirst()) + lines
        candidate.removeAll()
        return first
    }

    /// Ends the input: lines of an unfinished record, if any, as one sample.
    mutating func finish() -> [UInt8]? {
        defer {
            lines.removeAll()
            candidate.removeAll()
        }
        return lines.isEmpty ? nil : Self.joined(lines)
    }

    /// Drops the lines held (a line of the record was overlong and already reported).
    mutating func reset() {
        lines.removeAll()
        candidate.removeAll()
    }

    private func starts(_ line: [UInt8], _ pattern: NSRegularExpression) -> Bool {
        let text: String = switch encoding {
        case .latin1: String(line.map { Character(UnicodeScalar($0)) })
        case .utf8, .ascii: String(decoding: line, as: UTF8.self)
        }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Spaces, tabs and form feeds only.
    private static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C || $0 == 0x0D }
    }

    private static func joined(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [lf]))
    }
}
