"""A place's branch of a known organisation, and company names whose head is not the suffix ("X Group Co., Ltd.")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_mentions, org_names, recognised


def _org(ents, name):
    return next(o for o in ents.orgs.values() if o.canonical_name == name)


@pytest.mark.parametrize("text, name, parent, region", [
    ("The Guangzhou Branch of the Chinese Academy of Sciences signed a deal with Sun Yat-sen University.",
     "Guangzhou Branch of the Chinese Academy of Sciences", "Chinese Academy of Sciences", "CN-GD"),
    ("Experts from the Wuhan branch of Chinese Academy of Sciences visited the site.",
     "Wuhan branch of Chinese Academy of Sciences", "Chinese Academy of Sciences", "CN-HB"),
    ("The Shanghai Branch of the Bank of China financed the project.",
     "Shanghai Branch of the Bank of China", "Bank of China Limited", "CN-SH"),
])
def test_a_place_s_branch_of_a_known_body_is_its_own_organisation_under_it(text, name, parent, region):
    ents = recognised(text)
    branch = _org(ents, name)
    assert branch.parent_organization_id == _org(ents, parent).organization_id
    assert branch.region_code == region
    assert branch.org_type == _org(ents, parent).org_type


def test_a_later_place_branch_is_the_same_branch():
    ents = recognised("The Chengdu branch of Chinese Academy of Sciences (Chengdu branch) hosted the talks. "
                      "The Chengdu branch will also send two researchers.")
    assert [(s, n) for s, _, _, n in org_mentions(ents) if s.lower() == "chengdu branch"] == \
        [("Chengdu branch", "Chengdu branch of Chinese Academy of Sciences")] * 2


@pytest.mark.parametrize("text", [
    "Our Branch of Bank of China opened late.",  # no place before "Branch"
    "The Branch of the union met in May.",
    "The Wuhan branch office opened.",  # no known body after "of"
    "The Japan Branch of the Chinese Academy of Sciences hosted them.",  # a country's: the body's own office abroad
])
def test_no_branch_without_a_place_and_a_known_body(text):
    assert not any("ranch" in n for n in org_names(recognised(text)))


@pytest.mark.parametrize("text, name", [
    ("Hangzhou Metro Investment Group Co., Ltd. signed the agreement.", "Hangzhou Metro Investment Group Co., Ltd."),
    ("He is Deputy General Manager of Xiamen Port Holding Group Co., Ltd. and spoke first.",
     "Xiamen Port Holding Group Co., Ltd."),
    ("Suzhou Nano Materials Technology Co., Ltd. joined later.", "Suzhou Nano Materials Technology Co., Ltd."),
])
def test_a_company_s_ltd_after_co_belongs_to_its_name_whatever_its_head(text, name):
    assert name in org_names(recognised(text))
