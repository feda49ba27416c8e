import Foundation

// Routing choices are written the way an admin types them: a bare string for a choice without data
// ("voicemail"), or a one-key object for one with data ({"forward": "+358401234567"}).

/// A coding key for one-key objects.
struct ChoiceKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads a bare-string or one-key-object choice: returns the name and, for objects, a decoder of the value.
func decodeChoice(_ decoder: any Decoder, allowed: [String]) throws -> (name: String, value: (any Decoder)?) {
    if let name = try? decoder.singleValueContainer().decode(String.self) {
        guard allowed.contains(name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown choice '\(name)'; one of: \(allowed.joined(separator: ", "))"))
        }
        return (name, nil)
    }
    let container = try decoder.container(keyedBy: ChoiceKey.self)
    guard container.allKeys.count == 1, let key = container.allKeys.first, allowed.contains(key.stringValue) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected one of: \(allowed.joined(separator: ", ")) (a string, or an object with one of them as its only key)"))
    }
    return (key.stringValue, try container.superDecoder(forKey: key))
}

/// Writes a bare-string choice, or a one-key object when there is a value.
func encodeChoice(_ encoder: any Encoder, _ name: String, _ value: (any Encodable)? = nil) throws {
    guard let value else {
        var container = encoder.singleValueContainer()
        return try container.encode(name)
    }
    var container = encoder.container(keyedBy: ChoiceKey.self)
    try value.encode(to: container.superEncoder(forKey: ChoiceKey(name)))
}

extension RuleAction {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["ring", "forward", "voicemail", "operator"])
        switch name {
        case "ring": self = .ring(try value.map { try [Terminal](from: $0) } ?? [])
        case "forward": self = .forward(try String(from: try required(value, decoder)))
        case "voicemail": self = .voicemail
        default: self = .operator
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .ring(terminals): try encodeChoice(encoder, "ring", terminals)
        case let .forward(number): try encodeChoice(encoder, "forward", number)
        case .voicemail: try encodeChoice(encoder, "voicemail")
        case .operator: try encodeChoice(encoder, "operator")
        }
    }
}

extension RuleFallback {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["voicemail", "forward", "operator"])
        switch name {
        case "forward": self = .forward(try String(from: try required(value, decoder)))
        case "voicemail": self = .voicemail
        default: self = .operator
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .forward(number): try encodeChoice(encoder, "forward", number)
        case .voicemail: try encodeChoice(encoder, "voicemail")
        case .operator: try encodeChoice(encoder, "operator")
        }
    }
}

extension BusyAction {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["voicemail", "forward", "operator", "ring_anyway", "personal_queue"])
        switch name {
        case "forward": self = .forward(try String(from: try required(value, decoder)))
        case "voicemail": self = .voicemail
        case "operator": self = .operator
        case "ring_anyway": self = .ringAnyway
        default: self = .personalQueue
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .forward(number): try encodeChoice(encoder, "forward", number)
        case .voicemail: try encodeChoice(encoder, "voicemail")
        case .operator: try encodeChoice(encoder, "operator")
        case .ringAnyway: try encodeChoice(encoder, "ring_anyway")
        case .personalQueue: try encodeChoice(encoder, "personal_queue")
        }
    }
}

extension CallerIDChoice {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["enterprise_number", "mobile_number", "queue", "number", "withheld"])
        switch name {
        case "queue": self = .queue(try QueueID(from: try required(value, decoder)))
        case "number": self = .number(try String(from: try required(value, decoder)))
        case "enterprise_number": self = .enterpriseNumber
        case "mobile_number": self = .mobileNumber
        default: self = .withheld
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .queue(queue): try encodeChoice(encoder, "queue", queue)
        case let .number(number): try encodeChoice(encoder, "number", number)
        case .enterpriseNumber: try encodeChoice(encoder, "enterprise_number")
        case .mobileNumber: try encodeChoice(encoder, "mobile_number")
        case .withheld: try encodeChoice(encoder, "withheld")
        }
    }
}

extension CallTarget {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["user", "queue", "hunt_group", "external", "emergency"])
        let inner = try required(value, decoder)
        switch name {
        case "user": self = .user(try UserID(from: inner))
        case "queue": self = .queue(try QueueID(from: inner))
        case "hunt_group": self = .huntGroup(try HuntGroupID(from: inner))
        case "external": self = .external(try String(from: inner))
        default: self = .emergency(try String(from: inner))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .user(id): try encodeChoice(encoder, "user", id)
        case let .queue(id): try encodeChoice(encoder, "queue", id)
        case let .huntGroup(id): try encodeChoice(encoder, "hunt_group", id)
        case let .external(number): try encodeChoice(encoder, "external", number)
        case let .emergency(number): try encodeChoice(encoder, "emergency", number)
        }
    }
}

extension CallLogEntry.Via {
    public init(from decoder: any Decoder) throws {
        let (name, value) = try decodeChoice(decoder, allowed: ["direct", "queue", "hunt_group"])
        switch name {
        case "queue": self = .queue(try QueueID(from: try required(value, decoder)))
        case "hunt_group": self = .huntGroup(try HuntGroupID(from: try required(value, decoder)))
        default: self = .direct
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .direct: try encodeChoice(encoder, "direct")
        case let .queue(id): try encodeChoice(encoder, "queue", id)
        case let .huntGroup(id): try encodeChoice(encoder, "hunt_group", id)
        }
    }
}

private func required(_ value: (any Decoder)?, _ decoder: any Decoder) throws -> any Decoder {
    guard let value else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "this choice needs a value"))
    }
    return value
}
