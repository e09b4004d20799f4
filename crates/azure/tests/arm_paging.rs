//! Lists over several pages: the client follows the simulator's `nextLink` to the end, and every item
//! arrives exactly once, in order — compared with the same list served as one page.
#![allow(clippy::unwrap_used)] // shared test steps: a failed call should fail the test loudly

mod sim;

use foundry_azure::arm::models::Usage;
use foundry_azure::arm::ModelQuery;
use foundry_sim::sandbox::SUBSCRIPTION_ID;
use foundry_sim::SimConfig;
use sim::{openai, Sandbox};

async fn one_page_and_paged(page_size: usize) -> (Sandbox, Sandbox) {
    let whole = Sandbox::fast().await;
    let paged = Sandbox::start(SimConfig { page_size: Some(page_size), ..SimConfig::fast() }).await;
    (whole, paged)
}

#[tokio::test]
async fn a_catalog_over_many_pages_arrives_whole_and_in_order() {
    let (whole, paged) = one_page_and_paged(3).await;
    let expected = whole.client.list_region_models(SUBSCRIPTION_ID, "eastus").await.unwrap();
    let got = paged.client.list_region_models(SUBSCRIPTION_ID, "eastus").await.unwrap();
    assert!(expected.len() > 3 * 5, "the catalog spans several pages ({})", expected.len());
    let key = |m: &foundry_azure::arm::models::CatalogModel| (m.model.name.clone(), m.model.version.clone());
    assert_eq!(got.iter().map(key).collect::<Vec<_>>(), expected.iter().map(key).collect::<Vec<_>>());
    assert_eq!(got, expected, "nothing lost or changed between pages");
}

#[tokio::test]
async fn every_list_the_app_makes_is_complete_with_pages_of_one() {
    let (whole, paged) = one_page_and_paged(1).await;
    let (w, p) = (&whole.client, &paged.client);
    assert_eq!(p.list_deployments(&openai()).await.unwrap(), w.list_deployments(&openai()).await.unwrap());
    assert_eq!(p.list_deployments(&openai()).await.unwrap().len(), 3);
    assert_eq!(
        p.list_accounts(SUBSCRIPTION_ID, None).await.unwrap(),
        w.list_accounts(SUBSCRIPTION_ID, None).await.unwrap()
    );
    assert_eq!(
        p.list_resource_groups(SUBSCRIPTION_ID).await.unwrap(),
        w.list_resource_groups(SUBSCRIPTION_ID).await.unwrap()
    );
    assert_eq!(p.list_rai_policies(&openai()).await.unwrap(), w.list_rai_policies(&openai()).await.unwrap());
    // Usages carry a reset time that moves with the clock; compare what the user reads.
    let counters = |usages: Vec<Usage>| {
        usages.into_iter().map(|u| (u.name.value, u.current_value, u.limit)).collect::<Vec<_>>()
    };
    assert_eq!(
        counters(p.list_account_usages(&openai()).await.unwrap()),
        counters(w.list_account_usages(&openai()).await.unwrap())
    );
    assert_eq!(
        p.list_deployment_skus(&openai(), "gpt-4o").await.unwrap(),
        w.list_deployment_skus(&openai(), "gpt-4o").await.unwrap()
    );
}

#[tokio::test]
async fn paging_keeps_query_parameters_with_spaces() {
    let (whole, paged) = one_page_and_paged(2).await;
    let query = ModelQuery { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" };
    let expected = whole.client.list_model_capacities(SUBSCRIPTION_ID, None, &query).await.unwrap();
    let got = paged.client.list_model_capacities(SUBSCRIPTION_ID, None, &query).await.unwrap();
    assert_eq!(expected.len(), 12, "six SKUs in two regions");
    assert_eq!(got, expected);
    let mistral = ModelQuery { format: "Mistral AI", name: "Mistral-Large-2411", version: "2" };
    let expected = whole.client.list_model_capacities(SUBSCRIPTION_ID, None, &mistral).await.unwrap();
    let got = paged.client.list_model_capacities(SUBSCRIPTION_ID, None, &mistral).await.unwrap();
    assert_eq!(expected.len(), 2);
    assert_eq!(got, expected);
}
