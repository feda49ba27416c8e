import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads EWS SOAP answers (FindItem, GetItem, faults) with Foundation's streaming `XMLParser`.
///
/// Elements are matched by local name (namespace processing on), so any prefix works.
enum EWSResponseParser {
    /// Why an answer could not be read.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses `data`; throws if it is not well-formed XML or holds neither messages nor a fault.
    static func parse(_ data: Data) throws(Failure) -> EWSResponse {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let error = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"
            throw Failure(description: "not well-formed XML at line \(parser.lineNumber): \(error)")
        }
        guard !delegate.response.messages.isEmpty || delegate.response.fault != nil else {
            throw Failure(description: "no ResponseMessage and no Fault in the answer")
        }
        return delegate.response
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var response = EWSResponse()
        private var path: [String] = []
        private var text = ""
        private var message: EWSResponseMessage?
        private var item: EWSCalendarItem?
        private var fault: EWSFault?
        private var valueName: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            path.append(name)
            text = ""
            switch name {
            case _ where name.hasSuffix("ResponseMessage") && name != "ResponseMessages":
                message = EWSResponseMessage(responseClass: attributes["ResponseClass"] ?? "")
            case "RootFolder":
                message?.includesLastItemInRange = attributes["IncludesLastItemInRange"].map { $0.lowercased() == "true" }
                message?.totalItemsInView = attributes["TotalItemsInView"].flatMap { Int($0) }
            case "CalendarItem":
                item = EWSCalendarItem()
            case "ItemId" where item != nil:
                item?.id = attributes["Id"] ?? ""
                item?.changeKey = attributes["ChangeKey"]
            case "Categories" where item != nil:
                item?.categories = []
            case "Fault":
                fault = EWSFault()
            case "Value":
                valueName = attributes["Name"]
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName qName: String?) {
            defer {
                path.removeLast()
                text = ""
            }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if item != nil {
                endItemElement(name, value)
                return
            }
            if fault != nil {
                endFaultElement(name, value)
                return
            }
            switch name {
            case _ where name.hasSuffix("ResponseMessage") && name != "ResponseMessages":
                if let message { response.messages.append(message) }
                message = nil
            case "ResponseCode": message?.responseCode = value
            case "MessageText": message?.messageText = value
            case "Value" where valueName == "BackOffMilliseconds": message?.backOffMilliseconds = Int(value)
            default: break
            }
        }

        private func endItemElement(_ name: String, _ value: String) {
            switch name {
            case "CalendarItem":
                if let item { message?.items.append(item) }
                item = nil
            case "Subject": item?.subject = value
            case "Start": item?.start = value
            case "End": item?.end = value
            case "IsAllDayEvent": item?.isAllDayEvent = value
            case "LegacyFreeBusyStatus": item?.legacyFreeBusyStatus = value
            case "IsCancelled": item?.isCancelled = value
            case "CalendarItemType": item?.calendarItemType = value
            case "Sensitivity": item?.sensitivity = value
            case "MyResponseType": item?.myResponseType = value
            case "String" where path.dropLast().last == "Categories": item?.categories?.append(value)
            default: break
            }
        }

        private func endFaultElement(_ name: String, _ value: String) {
            switch name {
            case "Fault":
                response.fault = fault
                fault = nil
            case "faultcode": fault?.code = value.split(separator: ":").last.map(String.init) ?? value
            case "faultstring": fault?.text = value
            case "ResponseCode": fault?.responseCode = value
            case "Value" where valueName == "BackOffMilliseconds": fault?.backOffMilliseconds = Int(value)
            default: break
            }
        }
    }
}
