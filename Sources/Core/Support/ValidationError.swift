/// A rejected input: which field (as a JSON path such as `$.presence.activity`) and why.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One offending field.
    public struct Issue: Sendable, Equatable, Codable {
        /// JSON path of the field, e.g. `$.mobileNumber`.
        public var path: String
        /// Why the value was refused, in words an administrator understands.
        public var reason: String

        /// Creates an issue for the field at `path`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Every problem found, in field order.
    public var issues: [Issue]

    /// Creates an error from the collected issues.
    public init(_ issues: [Issue]) { self.issues = issues }

    /// Creates an error with a single issue for the field at `path`.
    public init(path: String, reason: String) { self.issues = [Issue(path: path, reason: reason)] }

    public var description: String { issues.map { "\($0.path): \($0.reason)" }.joined(separator: "; ") }
}

/// Collects validation issues so a caller reports all bad fields at once.
public struct ValidationCollector: Sendable {
    /// The problems recorded so far, in the order found.
    public private(set) var issues: [ValidationError.Issue] = []

    /// Creates an empty collector.
    public init() {}

    /// Records a problem with the field at `path`.
    public mutating func add(_ path: String, _ reason: String) {
        issues.append(.init(path: path, reason: reason))
    }

    /// Runs `body`, recording a thrown `ValidationError` instead of propagating it.
    public mutating func check<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch let error as ValidationError {
            issues += error.issues
            return nil
        } catch {
            issues.append(.init(path: "$", reason: "\(error)"))
            return nil
        }
    }

    /// Throws the collected issues, if any.
    public func finish() throws(ValidationError) {
        if !issues.isEmpty { throw ValidationError(issues) }
    }
}

extension ValidationCollector {
    /// A collector holding `other`'s issues with their `$` root replaced by `prefix` (nesting a part's errors).
    public init(prefixing prefix: String, _ other: ValidationCollector) {
        self.init()
        for issue in other.issues {
            add(issue.path == "$" ? prefix : prefix + issue.path.dropFirst(), issue.reason)
        }
    }
}
