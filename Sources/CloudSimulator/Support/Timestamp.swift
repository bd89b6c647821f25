import Foundation

/// Fast, locale-free timestamp formatting and parsing in the styles the OpenStack services use.
enum Timestamp {
    /// Output styles, named after the service that uses them.
    enum Style {
        /// `2013-09-03T04:01:32Z` (Nova servers, Glance, Neutron).
        case seconds
        /// `2018-11-29T06:50:07.770785` (Cinder, Nova services).
        case microseconds
        /// `2026-11-25T14:00:00.000000Z` (Keystone tokens).
        case microsecondsZ
        /// `2017-09-12 19:40:08` (Neutron agents).
        case spaced
        /// `2016-03-08T20:19:41` (no zone designator).
        case plain
    }

    /// Formats `date` (UTC) in the given style.
    static func format(_ date: Date, _ style: Style) -> String {
        let interval = date.timeIntervalSince1970
        let whole = Int(interval.rounded(.down))
        let micros = Int(((interval - Double(whole)) * 1_000_000).rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        let hour = secondsOfDay / 3600, minute = (secondsOfDay % 3600) / 60, second = secondsOfDay % 60
        let datePart = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        let timePart = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        switch style {
        case .seconds: return "\(datePart)T\(timePart)Z"
        case .microseconds: return "\(datePart)T\(timePart).\(pad(micros, 6))"
        case .microsecondsZ: return "\(datePart)T\(timePart).\(pad(micros, 6))Z"
        case .spaced: return "\(datePart) \(timePart)"
        case .plain: return "\(datePart)T\(timePart)"
        }
    }

    /// Parses ISO 8601 timestamps such as `2026-01-02`, `2026-01-02T03:04:05`,
    /// `2026-01-02T03:04:05.123Z` or `2026-01-02T03:04:05+02:00`.
    static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= chars.count else { return nil }
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(chars[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86_400
        guard chars.count > 10 else { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        guard let hour = number(11, 2), let minute = number(14, 2) else { return nil }
        let second = number(17, 2) ?? 0
        seconds += hour * 3600 + minute * 60 + second
        var index = chars.count > 19 ? 19 : chars.count
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < chars.count, (48...57).contains(chars[index]) {
                fraction += Double(chars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            let sign = chars[index] == UInt8(ascii: "+") ? 1 : -1
            if let offsetHours = number(index + 1, 2) {
                let offsetMinutes = number(index + 4, 2) ?? number(index + 3, 2) ?? 0
                seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// (year, month, day) → days since 1970-01-01.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
