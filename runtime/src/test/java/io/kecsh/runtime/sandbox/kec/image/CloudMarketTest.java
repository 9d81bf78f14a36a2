package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.protocol.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudMarketTest {
    @Test
    void queryImageList_anyRegion_answersTheSampleCatalogueInTheMarketEnvelope() {
        try (ImageFixture x = new ImageFixture()) {
            for (String region : List.of("cn-beijing-6", "eu-east-1")) {
                Response r = x.client.call("QueryImageList", Map.of("Region", region));
                assertEquals("ok", r.get("Msg"));
                assertEquals(200L, r.get("Code"));
                assertEquals("Y", r.get("Status"));
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) r.get("Data");
                assertEquals(1L, data.get("page"));
                assertEquals(10L, data.get("per_page"));
                assertEquals(7L, data.get("total"));
                assertEquals(1L, data.get("first"));
                assertEquals(1L, data.get("totalPages"));
                assertEquals(false, data.get("hasNext"));
                assertEquals(1L, data.get("nextPage"));
                assertEquals(false, data.get("hasPre"));
                assertEquals(1L, data.get("prePage"));
                List<Map<String, Object>> items = list(data, "items");
                assertEquals(7, items.size());
                Map<String, Object> bastion = items.get(2);
                assertEquals("6af7f257-7132-4337-b7b1-e9a411dbffe9", bastion.get("ImageId"));
                assertEquals("云堡垒机 云匣子 (100资产)", bastion.get("ImageName"));
                assertEquals(new BigDecimal("1620"), bastion.get("MonthlyPrice"));
                assertEquals(new BigDecimal("2.25"), bastion.get("HourlyPrice"));
                assertEquals("¥", bastion.get("HourlyPriceUnit"));
                assertEquals("other-linux", bastion.get("Platform"));
                assertEquals(2000087455L, bastion.get("CompanyId"));
                assertEquals("深圳云安宝科技有限公司", bastion.get("CompanyName"));
                assertEquals("2006", bastion.get("CategoryCode"));
            }
        }
    }

    @Test
    void queryImageList_asXml_carriesTheSameCatalogue() {
        try (ImageFixture x = new ImageFixture(ClientConfig.builder().json(false))) {
            Response r = x.client.call("QueryImageList", Map.of("Region", "cn-shanghai-2"));
            assertEquals(200L, r.get("Code"));
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) r.get("Data");
            List<Map<String, Object>> items = list(data, "items");
            assertEquals(7, items.size());
            assertEquals("Nvidia GRID License Server", items.get(6).get("ImageName"));
            assertEquals("2001", items.get(6).get("CategoryCode"));
        }
    }
}
