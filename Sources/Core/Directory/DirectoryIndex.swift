/// A prefix index over directory entries: several space-separated prefixes must all match, in any
/// field, case- and diacritics-insensitively; each hit says which fields matched (DIR-6).
///
/// Phone numbers are found by their E.164 digits (`+35840…`, `35840…`) and by their national form
/// (`040…`, written with spaces or dashes too).
public struct DirectoryIndex: Sendable {
    private struct Posting: Sendable {
        var word: [UInt8]
        var slot: Int32
        var fieldIndex: Int32
        var start: Int32
        /// Number postings: digits of the value a matched prefix covers beyond its own length
        /// (the national `0` stands for the country code's digits).
        var extraDigits: Int16 = 0
    }

    private var postings: [Posting] = []
    private var slots: [DirectoryEntry?] = []
    /// Each slot's ordering bytes, so ordering hits costs no string work per comparison.
    private var sortBytes: [[UInt8]] = []
    private var slotByRef: [DirectoryRef: Int] = [:]
    private var freeSlots: [Int] = []
    /// Country calling code whose numbers are also indexed in national form (the tenant's, `358` for Finland).
    public let countryCode: String

    /// Builds an index over `entries`, also indexing numbers in the national form of `countryCode`.
    public init(_ entries: some Sequence<DirectoryEntry> = [], countryCode: String = "358") {
        self.countryCode = countryCode
        for entry in entries { insertUnsorted(entry) }
        postings.sort { $0.word.lexicographicallyPrecedes($1.word) }
    }

    /// Number of entries indexed.
    public var count: Int { slotByRef.count }

    /// The entry for `ref`, if indexed.
    public func entry(_ ref: DirectoryRef) -> DirectoryEntry? { slotByRef[ref].flatMap { slots[$0] } }

    /// Adds or replaces an entry.
    public mutating func upsert(_ entry: DirectoryEntry) {
        remove(entry.ref)
        let slot = allocate(entry)
        for posting in postings(of: entry, slot: slot) {
            let index = lowerBound(posting.word)
            postings.insert(posting, at: index)
        }
    }

    /// Removes the entry for `ref` if present.
    public mutating func remove(_ ref: DirectoryRef) {
        guard let slot = slotByRef.removeValue(forKey: ref) else { return }
        slots[slot] = nil
        freeSlots.append(slot)
        postings.removeAll { $0.slot == Int32(slot) }
    }

    /// Entries matching every whitespace-separated prefix of `query`, ordered by sort key, at most `limit`.
    /// Punctuation inside a prefix splits it like the values (`anna-liisa`), and a number written in groups
    /// (`040 123 4567`) is one prefix. `filter` can hide entries (a contact the viewer may not see).
    public func search(_ query: String, limit: Int = 50, filter: (DirectoryRef) -> Bool = { _ in true }) -> [SearchHit] {
        let tokens = SearchFolding.queryTokens(query)
        guard !tokens.isEmpty, limit > 0 else { return [] }
        var matchedTokens: [Int: Int] = [:]
        // Where each field first matched; turned into FieldMatch values only for the hits returned.
        var firstMatches: [Int: [Int: (start: Int, foldedLength: Int, digits: Int)]] = [:]
        for (tokenNumber, token) in tokens.enumerated() {
            var seenThisToken = Set<Int>()
            var index = lowerBound(token)
            while index < postings.count, postings[index].word.starts(with: token) {
                let posting = postings[index]
                index += 1
                let slot = Int(posting.slot)
                guard (matchedTokens[slot] ?? 0) >= tokenNumber else { continue }
                if seenThisToken.insert(slot).inserted { matchedTokens[slot] = tokenNumber + 1 }
                let fieldKey = Int(posting.fieldIndex)
                if firstMatches[slot]?[fieldKey] == nil {
                    firstMatches[slot, default: [:]][fieldKey] = (
                        Int(posting.start), token.count, token.count + Int(posting.extraDigits))
                }
            }
        }
        // Order candidates by sort key then reference (bytes computed once per entry); build only `limit` hits.
        let candidates = matchedTokens.compactMap { $0.value == tokens.count ? $0.key : nil }
            .sorted { lhs, rhs in
                let left = sortBytes[lhs], right = sortBytes[rhs]
                return left.lexicographicallyPrecedes(right)
            }
        var hits: [SearchHit] = []
        for slot in candidates where hits.count < limit {
            guard let entry = slots[slot], filter(entry.ref) else { continue }
            let fields = (firstMatches[slot] ?? [:]).sorted { $0.key < $1.key }.map { fieldKey, found in
                let field = entry.fields[fieldKey]
                let length = field.field.isNumber
                    ? SearchFolding.characterLength(in: field.value, digits: found.digits)
                    : SearchFolding.characterLength(in: field.value, from: found.start, foldedLength: found.foldedLength)
                return FieldMatch(field: field.field, value: field.value, start: found.start, length: length)
            }
            hits.append(SearchHit(ref: entry.ref, sortKey: entry.sortKey, matches: fields))
        }
        return hits
    }

    private mutating func insertUnsorted(_ entry: DirectoryEntry) {
        remove(entry.ref)
        let slot = allocate(entry)
        postings += postings(of: entry, slot: slot)
    }

    /// Sort key, then the reference, as UTF-8: the same order as comparing the strings, computed once.
    private static func sortBytes(_ entry: DirectoryEntry) -> [UInt8] { Array(entry.sortKey.utf8) + [0] + Array("\(entry.ref)".utf8) }

    private mutating func allocate(_ entry: DirectoryEntry) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = entry
            sortBytes[slot] = Self.sortBytes(entry)
        } else {
            slot = slots.count
            slots.append(entry)
            sortBytes.append(Self.sortBytes(entry))
        }
        slotByRef[entry.ref] = slot
        return slot
    }

    private func postings(of entry: DirectoryEntry, slot: Int) -> [Posting] {
        var result: [Posting] = []
        for (fieldIndex, field) in entry.fields.enumerated() {
            if field.field.isNumber {
                let digits = SearchFolding.digitBytes(field.value)
                result.append(Posting(word: digits, slot: Int32(slot), fieldIndex: Int32(fieldIndex), start: 0))
                // Only an international value has a separate national form whose `0` replaces the country code.
                if field.value.hasPrefix("+"),
                    let national = try? PhoneNumber(field.value, countryCode: countryCode).nationalForm(countryCode: countryCode)
                {
                    result.append(Posting(
                        word: Array(national.utf8), slot: Int32(slot), fieldIndex: Int32(fieldIndex), start: 0,
                        extraDigits: Int16(countryCode.count - 1)))
                }
                continue
            }
            for (word, start) in SearchFolding.words(of: field.value) {
                result.append(Posting(word: word, slot: Int32(slot), fieldIndex: Int32(fieldIndex), start: Int32(start)))
            }
        }
        return result
    }

    private func lowerBound(_ word: [UInt8]) -> Int {
        var low = 0, high = postings.count
        while low < high {
            let mid = (low + high) / 2
            if postings[mid].word.lexicographicallyPrecedes(word) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// One search result: the entry and every field that matched a query prefix.
public struct SearchHit: Sendable, Equatable {
    /// The matching user or contact.
    public var ref: DirectoryRef
    /// The label results are ordered by (usually "Last First").
    public var sortKey: String
    /// Every field that matched a query prefix, for highlighting.
    public var matches: [FieldMatch]
}

/// Where a prefix matched, so a client can highlight it: the field, its value, and the matched
/// characters (`start` and `length` count characters of `value`).
public struct FieldMatch: Sendable, Equatable, Codable {
    /// The directory field that matched.
    public var field: DirectoryField
    /// The field's full value as stored.
    public var value: String
    /// Character offset in `value` where the match starts.
    public var start: Int
    /// Number of matched characters in `value`.
    public var length: Int

    /// Describes a match of `length` characters from `start` in a field's `value`.
    public init(field: DirectoryField, value: String, start: Int, length: Int) {
        self.field = field
        self.value = value
        self.start = start
        self.length = length
    }
}
