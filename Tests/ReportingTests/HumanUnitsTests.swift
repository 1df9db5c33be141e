import Reporting
import Testing

@Suite struct HumanUnitsTests {
    @Test func bytesUseBinaryUnitsWithOneDecimal() {
        #expect(HumanUnits.bytes(0) == "0 B")
        #expect(HumanUnits.bytes(1023) == "1023 B")
        #expect(HumanUnits.bytes(1024) == "1.0 KiB")
        #expect(HumanUnits.bytes(1_288_490_189) == "1.2 GiB")
        #expect(HumanUnits.bytes(4_294_967_296) == "4.0 GiB")
        #expect(HumanUnits.bytes(1_048_575) == "1.0 MiB")
        #expect(HumanUnits.bytes(-2048) == "-2.0 KiB")
    }

    @Test func durationsUseHoursAndMinutes() {
        #expect(HumanUnits.duration(0) == "0s")
        #expect(HumanUnits.duration(59) == "59s")
        #expect(HumanUnits.duration(245) == "4m05s")
        #expect(HumanUnits.duration(11_040) == "3h04m")
        #expect(HumanUnits.duration(270_720) == "75h12m")
        #expect(HumanUnits.duration(-5) == "0s")
    }

    @Test func moneyKeepsMinorUnitDigits() {
        #expect(HumanUnits.money(150_050, minorUnits: 2) == "1500.50")
        #expect(HumanUnits.money(-5, minorUnits: 2) == "-0.05")
        #expect(HumanUnits.money(7, minorUnits: 0) == "7")
        #expect(HumanUnits.money(1234, minorUnits: 3) == "1.234")
    }
}
