package org.edugraph.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edugraph.EduGraphProperties;
import org.edugraph.api.ApiException;
import org.edugraph.api.BatchedLists;
import org.edugraph.api.BatchedLists.ListRequest;
import org.edugraph.api.Connection;
import org.edugraph.api.Page;
import org.edugraph.neo4j.Graph;
import org.edugraph.region.Region;
import org.edugraph.region.RegionQueries;
import org.edugraph.school.School;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Education groups and their memberships, from either side. */
@Controller
class GroupController {

    private final Graph graph;
    private final BatchedLists lists;
    private final RegionQueries regions;
    private final EduGraphProperties.Graphql limits;

    GroupController(Graph graph, BatchedLists lists, RegionQueries regions,
            EduGraphProperties properties) {
        this.graph = graph;
        this.lists = lists;
        this.regions = regions;
        this.limits = properties.graphql();
    }

    @BatchMapping(typeName = "EducationGroup")
    Map<EducationGroup, Region> region(List<EducationGroup> groups) {
        return regions.located("EducationGroup", "id", groups, EducationGroup::id);
    }

    @BatchMapping(typeName = "EducationGroup")
    Map<EducationGroup, List<GroupMembership>> members(List<EducationGroup> groups) {
        Map<String, List<GroupMembership>> byGroup = new HashMap<>();
        Map<String, EducationGroup> groupById = new HashMap<>();
        groups.forEach(g -> groupById.put(g.id(), g));
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (n:School)-[m:MEMBER_OF]->(:EducationGroup {id: id})
                RETURN id, %s AS school, m.role AS role, m.since AS since
                ORDER BY CASE m.role WHEN 'LEAD' THEN 0 ELSE 1 END, n.id""".formatted(School.PROJECTION),
                Map.of("ids", groups.stream().map(EducationGroup::id).toList()))) {
            String id = r.get("id").asString();
            byGroup.computeIfAbsent(id, k -> new ArrayList<>()).add(membership(School.from(r.get("school")), groupById.get(id), r));
        }
        Map<EducationGroup, List<GroupMembership>> result = new HashMap<>();
        groups.forEach(g -> result.put(g, byGroup.getOrDefault(g.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "School")
    Map<School, List<GroupMembership>> groups(List<School> schools) {
        Map<String, List<GroupMembership>> bySchool = new HashMap<>();
        Map<String, School> schoolById = new HashMap<>();
        schools.forEach(s -> schoolById.put(s.id(), s));
        for (Record r : graph.read("""
                UNWIND $ids AS id
                MATCH (:School {id: id})-[m:MEMBER_OF]->(n:EducationGroup)
                RETURN id, %s AS grp, m.role AS role, m.since AS since ORDER BY n.id""".formatted(EducationGroup.PROJECTION),
                Map.of("ids", schools.stream().map(School::id).toList()))) {
            String id = r.get("id").asString();
            bySchool.computeIfAbsent(id, k -> new ArrayList<>()).add(membership(schoolById.get(id), EducationGroup.from(r.get("grp")), r));
        }
        Map<School, List<GroupMembership>> result = new HashMap<>();
        schools.forEach(s -> result.put(s, bySchool.getOrDefault(s.id(), List.of())));
        return result;
    }

    private static GroupMembership membership(School school, EducationGroup group, Record r) {
        return new GroupMembership(school, group, MembershipRole.valueOf(r.get("role").asString()),
                r.get("since").isNull() ? null : r.get("since").asLocalDate());
    }
}
