package org.edugraph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.edugraph.pairing.PairingActivity;
import org.edugraph.region.RegionCypher;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * The rules that statements written as text use are the text of the rules' builder functions
 * (the ones the read compiler uses), not a second copy: each is checked here, readable, without
 * a database.
 */
@Unit
class RuleTextTest {

    @Test
    void theRegionRuleAsAConditionAndAsAPattern() {
        assertThat(RegionCypher.locatedWithin("g", "$pfRegion"))
                .isEqualTo("EXISTS { (g)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(:Region {code: $pfRegion}) }");
        assertThat(RegionCypher.schoolsWithin("s", "$area"))
                .isEqualTo("(:Region {code: $area})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(s:School)");
        assertThat(RegionCypher.schoolsWithin("", "k.region"))
                .isEqualTo("(:Region {code: k.region})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(:School)");
    }

    @Test
    void aPairingActiveOnADay() {
        assertThat(PairingActivity.cypher("p", "$today"))
                .isEqualTo("((p.startDate IS NULL OR p.startDate <= $today) AND (p.endDate IS NULL OR p.endDate >= $today))");
        assertThat(PairingActivity.cypher("n", "k.activeOn"))
                .isEqualTo("((n.startDate IS NULL OR n.startDate <= k.activeOn) AND (n.endDate IS NULL OR n.endDate >= k.activeOn))");
    }

    @Test
    void theScopeOfARegionScopedAdmin() {
        assertThat(org.edugraph.security.RegionScope.within("n"))
                .isEqualTo("EXISTS { (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(a:Region) WHERE a.code IN $allowed }");
    }

    @Test
    void aParameterIsAParameterAndAnyOtherTextStaysAsWritten() {
        assertThat(CypherText.condition(CypherText.expression("$day").isNotNull())).isEqualTo("$day IS NOT NULL");
        assertThat(CypherText.condition(CypherText.expression("row.start").isNotNull())).isEqualTo("row.start IS NOT NULL");
    }
}
