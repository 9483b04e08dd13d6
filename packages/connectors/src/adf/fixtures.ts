/**
 * ADF documents as real senders write them, for tests here and in the hub. Names, numbers and
 * addresses are made up.
 */

/** A Chinese portal's lead for a dealer: ids, a +86 mobile, a new-car interest, a trade-in. */
export const PORTAL_ADF = `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
  <prospect status="new">
    <id sequence="1" source="chejia-portal">CJ-20261127-000381</id>
    <requestdate>2026-11-27T10:42:13+08:00</requestdate>
    <vehicle interest="test-drive" status="new">
      <year>2026</year>
      <make>BYD</make>
      <model>Seal</model>
      <trim>650 Performance</trim>
      <price type="quote" currency="CNY">189800</price>
    </vehicle>
    <vehicle interest="trade-in" status="used">
      <year>2018</year>
      <make>Volkswagen</make>
      <model>Lavida</model>
      <odometer units="km">96000</odometer>
    </vehicle>
    <customer>
      <contact>
        <name part="full">王小明</name>
        <phone type="cellphone">138 0013 8000</phone>
        <email>xiaoming.wang@example.cn</email>
        <address>
          <street line="1">浦东新区世纪大道 100 号</street>
          <city>上海</city>
          <regioncode>上海</regioncode>
          <country>CN</country>
        </address>
      </contact>
      <timeframe><description>本周</description><earliestdate>2026-11-28</earliestdate></timeframe>
      <comments>周六上午想试驾，可以吗？</comments>
    </customer>
    <vendor>
      <vendorname>Shanghai Pudong BYD</vendorname>
      <contact><name part="full">Internet Sales</name><email>leads@pudong-byd.example.cn</email></contact>
    </vendor>
    <provider>
      <name>chejia-portal</name>
      <service>Test drive request</service>
    </provider>
  </prospect>
</adf>
`;

/** A website form's lead without any `<id>`: the connector identifies it by its hash. */
export const NO_ID_ADF = `<?xml version="1.0"?>
<?ADF VERSION="1.0"?>
<ADF>
  <PROSPECT>
    <REQUESTDATE>2026-11-26 18:05:00</REQUESTDATE>
    <VEHICLE>
      <YEAR>2025</YEAR><MAKE>Toyota</MAKE><MODEL>Camry</MODEL>
    </VEHICLE>
    <CUSTOMER>
      <CONTACT>
        <NAME part="first">Li</NAME><NAME part="last">Na</NAME>
        <PHONE>+86 139 1234 5678</PHONE>
      </CONTACT>
    </CUSTOMER>
    <VENDOR><VENDORNAME>Hangzhou Toyota</VENDORNAME></VENDOR>
  </PROSPECT>
</ADF>
`;

/** Two prospects in one document, neither with an id. */
export const TWO_PROSPECTS_ADF = `<adf>
  <prospect>
    <requestdate>2026-11-27T09:00:00+08:00</requestdate>
    <vehicle><year>2026</year><make>Geely</make><model>Galaxy E5</model></vehicle>
    <customer><contact><name>张伟</name><phone>13700137000</phone></contact></customer>
    <vendor><vendorname>Geely Xuhui</vendorname></vendor>
  </prospect>
  <prospect>
    <requestdate>2026-11-27T09:05:00+08:00</requestdate>
    <vehicle><year>2026</year><make>Geely</make><model>Monjaro</model></vehicle>
    <customer><contact><name>刘洋</name><email>liu.yang@example.cn</email></contact></customer>
    <vendor><vendorname>Geely Xuhui</vendorname></vendor>
  </prospect>
</adf>
`;

/** A prospect nobody can be reached at: the parser skips it. */
export const UNREACHABLE_ADF = `<adf><prospect>
  <vehicle><year>2026</year><make>Nio</make><model>ET5</model></vehicle>
  <customer><contact><name>匿名</name></contact></customer>
  <vendor><vendorname>Nio House</vendorname></vendor>
</prospect></adf>`;

/** What an attacker might post: an entity-expansion bomb. */
export const ENTITY_BOMB_ADF = `<?xml version="1.0"?>
<!DOCTYPE adf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<adf><prospect><customer><contact><name>&b;</name><phone>13800138000</phone></contact></customer></prospect></adf>`;
