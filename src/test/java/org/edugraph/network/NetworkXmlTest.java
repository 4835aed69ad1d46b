package org.edugraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import javax.xml.stream.XMLStreamException;

import org.edugraph.support.GraphSchemas;
import org.junit.jupiter.api.Test;
import org.edugraph.support.Unit;

/**
 * The GraphML and GEXF writers on their own, with the ids and names that are hardest to
 * put in XML: the files stay valid against the official schemas and read back to the
 * same ids and names.
 */
@Unit
class NetworkXmlTest {

    private static final List<NetworkNode> NODES = List.of(
            new NetworkNode("plain-id.1", "福州第十六中学", "School", "plain-id.1", false, "350104", "COMPLETE_SECONDARY"),
            new NetworkNode("s 2/甲>x", "A&B <\"学校\"> 'x'", "School", "s 2/甲>x", true, null, "PRIMARY"),
            new NetworkNode("a_x0041_b_x", "control\u0001char, lone\uD800surrogate, emoji \uD83C\uDFEB", "School",
                    "a_x0041_b_x", false, "350104", null),
            new NetworkNode("group:g1", "集团", "EducationGroup", "g1", false, null, "GROUP"));
    private static final List<NetworkEdge> EDGES = List.of(
            new NetworkEdge("p-1", "plain-id.1", "s 2/甲>x", "DEEP_ALLIANCE", "p-1", true, "cs-deep-alliance",
                    LocalDate.of(2022, 9, 1), null),
            new NetworkEdge("s 2/甲>x>group:g1", "s 2/甲>x", "group:g1", "MEMBER_OF", null, true, null, null, null),
            new NetworkEdge("a_x0041_b_x>program:p/MENTEE", "a_x0041_b_x", "plain-id.1", "MENTEE", null, false, "p",
                    null, LocalDate.of(2023, 8, 31)));

    @Test
    void graphMlStaysValidAndReadsBackToTheSameIdsAndNames() throws Exception {
        byte[] file = write(NetworkXml::graphMl);
        assertThat(GraphSchemas.errors(GraphSchemas.GRAPHML, file)).isEmpty();
        assertReadsBack(ExportedGraph.read(file));
    }

    @Test
    void gexfStaysValidAndReadsBackToTheSameIdsAndNames() throws Exception {
        byte[] file = write(NetworkXml::gexf);
        assertThat(GraphSchemas.errors(GraphSchemas.GEXF, file)).isEmpty();
        assertReadsBack(ExportedGraph.read(file));
    }

    @Test
    void aGraphMlIdIsLeftAsItIsWhenItIsAlreadyANameToken() {
        assertThat(NetworkXml.GraphMl.id("cs-fz16-ms")).isEqualTo("cs-fz16-ms");
        assertThat(NetworkXml.GraphMl.id("group:qz-group_1")).isEqualTo("group:qz-group_1");
        assertThat(NetworkXml.GraphMl.id("s1>program:p/MENTOR")).isEqualTo("s1_x003E_program:p_x002F_MENTOR");
        assertThat(NetworkXml.GraphMl.id("a_xb")).isEqualTo("a_x005F_xb");
        assertThat(NetworkXml.GraphMl.id("\uD83C\uDFEB")).isEqualTo("_x1F3EB_");
    }

    private static void assertReadsBack(ExportedGraph graph) {
        assertThat(graph.repeated()).isEmpty();
        assertThat(graph.nodes().keySet()).containsExactlyInAnyOrderElementsOf(NODES.stream().map(NetworkNode::id).toList());
        assertThat(graph.edges().keySet()).containsExactlyInAnyOrderElementsOf(EDGES.stream().map(NetworkEdge::id).toList());
        assertThat(graph.nodes().get("s 2/甲>x")).containsEntry("label", "A&B <\"学校\"> 'x'").containsEntry("synthetic", "true")
                .doesNotContainKey("region");
        // Characters XML 1.0 cannot carry become U+FFFD; everything else, emoji included, stays.
        assertThat(graph.nodes().get("a_x0041_b_x").get("label"))
                .isEqualTo("control\uFFFDchar, lone\uFFFDsurrogate, emoji \uD83C\uDFEB");
        assertThat(graph.edges().get("s 2/甲>x>group:g1")).containsEntry("source", "s 2/甲>x").containsEntry("target", "group:g1")
                .containsEntry("kind", "MEMBER_OF").doesNotContainKeys("program", "startDate", "endDate");
        assertThat(graph.edges().get("p-1")).containsEntry("program", "cs-deep-alliance").containsEntry("startDate", "2022-09-01")
                .doesNotContainKey("endDate");
    }

    private static byte[] write(Function<ByteArrayOutputStream, NetworkXml> format) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NetworkXml file = format.apply(out);
        file.begin("test & <description>");
        for (NetworkNode node : NODES) {
            file.node(node);
        }
        file.edges();
        for (NetworkEdge edge : EDGES) {
            file.edge(edge);
        }
        file.end();
        return out.toByteArray();
    }
}
