import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Reads one mailbox's calendar window: FindItem with a CalendarView (continued when Exchange cuts it
/// at MaxEntriesReturned), then GetItem for items whose detail fields FindItem left out.
struct EWSMailboxReader: Sendable {
    let exchange: EWSExchange
    let settings: CalendarEWSPlugin.Settings
    let context: PluginContext
    let counters: EWSCounters

    /// Most CalendarView requests for one window (each continues where the previous one was cut).
    static let maxViewRounds = 20
    /// Item ids per GetItem request.
    static let getItemBatch = 50

    /// The blocks of `mailbox` overlapping `window`.
    func read(mailbox: String, window: DateInterval) async throws(CalendarSourceError) -> [CalendarBlock] {
        var items = try await findItems(mailbox: mailbox, window: window)
        try await fillDetails(of: &items, mailbox: mailbox)
        var blocks: [CalendarBlock] = []
        for item in items {
            do {
                let block = try item.block()
                // CalendarView also returns items ending exactly at StartDate.
                if block.end > window.start { blocks.append(block) }
            } catch {
                counters.update { $0.badItems += 1 }
                if let suppressed = counters.logBadInput(at: context.clock.now()) {
                    context.logger.warning(
                        "skipped calendar item: \(error)", metadata: ["mailbox": "\(mailbox)", "item": "\(item.id)", "suppressed": "\(suppressed)"])
                }
            }
        }
        return blocks
    }

    private func findItems(mailbox: String, window: DateInterval) async throws(CalendarSourceError) -> [EWSCalendarItem] {
        var items: [EWSCalendarItem] = []
        var seen: Set<String> = []
        var from = window.start
        for _ in 0..<Self.maxViewRounds {
            let body = EWSRequest.findItem(
                mailbox: mailbox, start: from, end: window.end, maxEntries: settings.maxEntries, version: settings.serverVersion)
            let response = try await exchange.send(body, mailbox: mailbox)
            guard let message = response.messages.first else { throw .invalidResponse("FindItem answer has no response message") }
            for item in message.items where seen.insert(item.id).inserted { items.append(item) }
            // CalendarView cannot page; a cut view is continued from the start of its last item.
            guard message.includesLastItemInRange == false, let next = message.items.last?.start.flatMap(EWSCalendarItem.date),
                next > from
            else { return items }
            counters.update { $0.truncatedViews += 1 }
            from = next
        }
        throw .invalidResponse("CalendarView still cut after \(Self.maxViewRounds) requests; raise max_entries")
    }

    private func fillDetails(of items: inout [EWSCalendarItem], mailbox: String) async throws(CalendarSourceError) {
        let missing = items.filter(\.lacksDetails)
        guard !missing.isEmpty else { return }
        var details: [String: EWSCalendarItem] = [:]
        var start = 0
        while start < missing.count {
            let batch = missing[start..<min(start + Self.getItemBatch, missing.count)]
            start += Self.getItemBatch
            let body = EWSRequest.getItem(mailbox: mailbox, ids: batch.map { ($0.id, $0.changeKey) }, version: settings.serverVersion)
            counters.update { $0.getItemRequests += 1 }
            let response = try await exchange.send(body, mailbox: mailbox)
            for message in response.messages where message.responseClass != "Error" {
                for item in message.items { details[item.id] = item }
            }
        }
        for index in items.indices {
            if let detail = details[items[index].id] { items[index].merge(details: detail) }
        }
    }
}
