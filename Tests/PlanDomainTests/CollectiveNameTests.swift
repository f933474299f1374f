import PlanDomain
import Testing

@Suite struct CollectiveNameTests {
    @Test func namesThatStandForManyUnits() {
        for name in ["各镇办", "各县市区人民政府", "二级单位", "各科室", "局机关各科室", "有关部门", "市直有关单位", "领导小组成员单位"] {
            #expect(CollectiveName.isCollective(name), "\(name)")
        }
    }

    @Test func namesOfOneUnit() {
        for name in ["市科技局", "随州市科学技术局", "高新区科创局", "市财政局", "广水市科技经信局", "市发改委", "市人社局", ""] {
            #expect(!CollectiveName.isCollective(name), "\(name)")
        }
    }
}
